"""Files exchanged between offices: .kh65 packages, Excel templates, CSV. No Qt, no database:
these modules read and write files into plain data; services/exchange.py meets the database."""
