"""Source spiders: the spider loader, seeds (feeds, sitemaps, listings), URLs and their outcomes."""
