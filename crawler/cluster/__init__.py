"""Cluster mode: crawl workers on many hosts share one frontier, one duplicate filter and one item
stream in Redis (scrapy-redis for the first two); one writer beside the SQLite file stores what
they extract. See README "Cluster"."""
