"""Rosters and reports as CSV, XLSX and PDF (no Qt): what trainers hand in, what communes send upward."""
