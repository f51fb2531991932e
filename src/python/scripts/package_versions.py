"""Prints one JSON object: the installed version of each distribution named on the command line (null when absent)."""
import json
import sys
from importlib import metadata

versions = {}
for name in sys.argv[1:]:
    try:
        versions[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        versions[name] = None
print(json.dumps({"python": sys.version.split()[0], "executable": sys.executable, "versions": versions}))
