"""The Textual terminal game: screens render the engine's state and send it moves."""
