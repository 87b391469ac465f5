"""Loading articles from pasted text and files."""
