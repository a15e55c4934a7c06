print("neuro")
