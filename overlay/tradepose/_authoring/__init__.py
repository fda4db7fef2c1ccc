"""Writing a batch: periods, strategies (models, dicts, JSON files) and the strategy builder."""
