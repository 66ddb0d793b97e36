x = y z w
