"""Small widgets of the game's own, for what Textual's do not show the way a player needs."""
