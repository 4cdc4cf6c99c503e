# A NUL byte in the body: not a text file.
printf -- '---\nname: n\ndescription: d\n---\nnul \000 here\n' >"$1"
