# A symlink that points at itself.
ln -s "$(basename "$1")" "$1"
