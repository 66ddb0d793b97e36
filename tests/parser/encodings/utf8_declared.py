# coding: utf-8
name = "日本"
