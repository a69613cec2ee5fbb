"""Attribution and framing of Russia and the United States in Arabic news."""

__version__ = "0.1.0"
