"""The Sessions page: every teaching session, and one session's detail with its attendance."""
