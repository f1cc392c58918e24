// Typeset module. See DEVELOPERS.md for the architecture.
