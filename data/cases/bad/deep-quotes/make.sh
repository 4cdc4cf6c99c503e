# One line of 5,000 block quote markers.
python3 -c "
import sys
open(sys.argv[1], 'w').write('---\nname: d\ndescription: d\n---\n' + '>' * 5000 + ' x\n')
" "$1"
