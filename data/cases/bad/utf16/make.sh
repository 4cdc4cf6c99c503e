# UTF-16 little endian with its byte order mark.
printf -- "---\nname: u\ndescription: d\n---\nbody\n" | iconv -f UTF-8 -t UTF-16 >"$1"
