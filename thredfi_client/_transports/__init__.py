"""How bytes travel: the native transport (ours, llhttp parsing), httpx and aiohttp; the pool,
the attempt deadline and body reading."""
