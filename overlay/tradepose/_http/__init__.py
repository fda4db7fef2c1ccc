"""HTTP: settings, authentication, pure retry decisions and the retrying transport (lowest layer)."""
