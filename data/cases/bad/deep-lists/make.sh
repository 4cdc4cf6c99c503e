# Bullets nested 2,000 deep (each one more indented): 4 MB of body.
python3 -c "
import sys
open(sys.argv[1], 'w').write('---\nname: d\ndescription: d\n---\n' + ''.join('  ' * i + '- x\n' for i in range(2000)))
" "$1"
