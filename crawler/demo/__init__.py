"""The bundled sample wire site, its server, and the demo that crawls it."""
