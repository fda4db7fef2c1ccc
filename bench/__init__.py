"""Benchmarks of the SDK against LocalGateway on 127.0.0.1 (`make bench`, `make bench-quick`)."""
