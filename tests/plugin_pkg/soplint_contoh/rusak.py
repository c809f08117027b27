"""A plugin that fails on import (test fixture): soplint must report it by
name and go on."""
raise RuntimeError("plugin contoh sengaja rusak")
