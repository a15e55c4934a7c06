# An independent numpy implementation of Wong & Wang's (2006) reduced decision model with the paper's
# parameters, the same Euler–Maruyama scheme and dt (0.1 ms), S1 = S2 = 0.1 at the stimulus's onset and a
# 15 Hz threshold: accuracy and mean reaction time of correct trials per coherence, 4000 trials each, to
# compare with neuro's `decisions` (different random numbers: agreement within sampling error).
#
# usage: python benchmarks/decisions/reference.py [TRIALS]
import sys

import numpy as np
a,b,d,g,tS=270.,108.,0.154,0.641,0.1
J11,J12,I0,JA,mu0=0.2609,0.0497,0.3255,5.2e-4,30.
sig,tA,thr,dt=0.02,0.002,15.,1e-4
def H(x):
    u=a*x-b
    return u/(1-np.exp(-d*u))
def run(c,n,seed):
    rng=np.random.default_rng(seed)
    s1=np.full(n,0.1);s2=np.full(n,0.1);n1=np.zeros(n);n2=np.zeros(n)
    I1=JA*mu0*(1+c/100);I2=JA*mu0*(1-c/100)
    choice=np.zeros(n,int);rt=np.full(n,np.nan)
    for k in range(20000):
        x1=J11*s1-J12*s2+I0+I1+n1;x2=J11*s2-J12*s1+I0+I2+n2
        r1=H(x1);r2=H(x2)
        new=(choice==0)&((r1>=thr)|(r2>=thr))
        choice[new]=np.where(r1[new]>=r2[new],1,2);rt[new]=k*dt
        if (choice>0).all():break
        s1=np.clip(s1+dt*(-s1/tS+(1-s1)*g*r1),0,1);s2=np.clip(s2+dt*(-s2/tS+(1-s2)*g*r2),0,1)
        n1+= -n1*dt/tA+sig*np.sqrt(dt/tA)*rng.standard_normal(n)
        n2+= -n2*dt/tA+sig*np.sqrt(dt/tA)*rng.standard_normal(n)
    dec=choice>0;corr=choice==1
    return corr[dec].mean(), np.nanmean(rt[corr]), dec.mean()
trials = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
print("coherence accuracy reaction_time_s decided")
for c in [0, 3.2, 6.4, 12.8, 25.6, 51.2]:
    print(c, *[round(v, 3) for v in run(c, trials, 1)])
