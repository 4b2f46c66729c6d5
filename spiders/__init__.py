"""Hand-written spiders, beside the ones built from [[sources]]."""
