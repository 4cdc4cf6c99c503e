# Plain YAML values of 30,000 digits (read as numbers, once a stack overflow).
python3 -c "
import sys
d = '1' * 30000
open(sys.argv[1], 'w').write('---\nname: n\ndescription: ' + d + '\ncolor: -' + d + '\ntools: [' + d + ']\n---\nbody\n')
" "$1"
