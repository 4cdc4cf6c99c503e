# A named pipe: opening it must not wait for a writer.
mkfifo "$1"
