# coding: cp1252
s = "€"
