"""Everything Qt: the window, pages, Qt models, workers and translations."""
