"""Plan documents: their text (text.py), what the reader finds in it (items.py, reader.py)."""
