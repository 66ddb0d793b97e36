from sys import not_a_name
