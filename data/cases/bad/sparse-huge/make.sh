# A 1.5 GB sparse file: refused by its size, before any byte is read.
truncate -s 1500M "$1"
