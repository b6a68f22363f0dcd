"""Reading lists that arrive from outside (commune spreadsheets) into records."""
