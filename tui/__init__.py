"""The Textual TUI: one client of the headless agent core."""
