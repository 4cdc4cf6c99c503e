# A symlink to an endless device.
ln -s /dev/zero "$1"
