"""Dialogs for adding and editing, each built from a list of fields."""
