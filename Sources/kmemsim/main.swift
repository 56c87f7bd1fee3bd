print("kmemsim")
