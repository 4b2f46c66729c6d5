"""`wirewatch serve`: the database in a web page, through Datasette (read-only), with pages for the
desk: latest stories, a story, search, alerts, sources."""
