"""Browser tests (Playwright driving Chromium); a package so file names may repeat those in tests/."""
