# comment at top
   
	
x = 1  # trailing comment

if x:
    # comment in block
    y = 2

        # oddly indented comment
    z = 3
if x:
	tab_indented = 1
	if y:
		two_tabs = 2
class A:

    def f(self):

        return 1



    def g(self): pass
x = [1,
  2,
      3]
y = (1 +
# comment inside brackets
2)
z = 1 + \
2 + \
3
def long_function_name(
        var_one, var_two, var_three,
        var_four):
    print(var_one)
if True:
    pass
    # last comment
