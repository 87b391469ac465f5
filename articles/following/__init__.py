"""Following outlets through their RSS and Atom feeds.

    polling   poll one feed or every due one: conditional GET, feedparser, skip what is
              stored, fetch new entries' pages, import them as one batch, record health

Pages are fetched with articles.importing.fetching (safe fetching) and read with
articles.importing.webpages, then stored by the one import pipeline.
"""
