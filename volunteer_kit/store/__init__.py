"""The local store: engine, migrations and the queries of every entity."""
