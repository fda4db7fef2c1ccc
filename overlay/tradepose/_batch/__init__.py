"""The batch engine: `BatchTester`, its background loop and engine, the journal, results and progress."""
