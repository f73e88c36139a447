"""ofsted: how Ofsted has judged each English council's children's social care."""

__version__ = "0.1.0"
