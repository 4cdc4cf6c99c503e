# Nine levels of ten aliases: 294 bytes that stand for 10^10 values.
{
  printf -- '---\nname: bomb\ndescription: d\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n'
  for i in 1 2 3 4 5 6 7 8 9; do
    p=$((i - 1))
    printf 'a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n' \
      "$i" "$i" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p"
  done
  printf -- '---\nbody\n'
} >"$1"
