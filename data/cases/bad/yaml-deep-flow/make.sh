# A frontmatter value nested 100 flow sequences deep (past --max-nesting 64;
# yaml-cpp's own guard stops at about 1,000, then the entry is read leniently).
python3 -c "
import sys
open(sys.argv[1], 'w').write('---\nname: deep\ndescription: d\ntools: ' + '[' * 100 + 'Read' + ']' * 100 + '\n---\nbody\n')
" "$1"
