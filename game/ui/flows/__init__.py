"""Parts of the app, one per stretch of a game, as mixins of `PerimeterApp`."""
