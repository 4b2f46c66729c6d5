"""Article pages -> text and metadata: trafilatura, publish times, wire datelines, agencies."""
