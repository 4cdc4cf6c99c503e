# A model id of 60,000 letters (lint once overflowed the stack on it).
python3 -c "
import sys
open(sys.argv[1], 'w').write('---\nname: n\ndescription: d\nmodel: claude-' + 'a' * 60000 + '\n---\nbody\n')
" "$1"
