"""The local SQLite database: tables, migrations, the plan data file. No Qt here."""
