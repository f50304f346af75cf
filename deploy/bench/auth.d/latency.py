# Used by deploy/bench/auth; the argument is the port of a running Storybank.
import http.client, base64, json, time, statistics, sys
port=int(sys.argv[1])
def conn(): return http.client.HTTPConnection('localhost', port, timeout=30)
def basic(u,p): return 'Basic '+base64.b64encode(f'{u}:{p}'.encode()).decode()
ADMIN=basic('admin','bench-secret-Pa55')
def req(c, method, path, auth, body=None):
    h={'Authorization':auth}
    if body is not None: h['Content-Type']='application/json'
    c.request(method, path, body=body, headers=h)
    r=c.getresponse(); data=r.read(); return r.status, data
c=conn()
print(req(c,'POST','/api/admin/v1/users',ADMIN,json.dumps({'username':'bench-editor','password':'bench editor pass 1','displayName':'B'}))[0])
print(req(c,'PUT','/api/admin/v1/lao-cai/members/bench-editor',ADMIN,json.dumps({'roles':['editor']}))[0])
ED=basic('bench-editor','bench editor pass 1')
t0=time.perf_counter(); s,_=req(c,'GET','/api/admin/v1/lao-cai/stories?limit=1',ED); first=(time.perf_counter()-t0)*1000
print('first Basic request (PBKDF2 210k)', s, round(first,1),'ms')
s,d=req(c,'POST','/api/admin/v1/me/tokens',ED,json.dumps({'name':'bench'}))
TOK='Bearer '+json.loads(d)['secret']
def measure(name, auth, path, n=400):
    for _ in range(50): req(c,'GET',path,auth)
    xs=[]
    for _ in range(n):
        t=time.perf_counter(); s,_=req(c,'GET',path,auth); xs.append((time.perf_counter()-t)*1000)
        assert s==200, s
    xs.sort()
    print(f'{name:40s} median {statistics.median(xs):6.2f} ms  p95 {xs[int(n*0.95)]:6.2f} ms')
for path in ['/api/admin/v1/lao-cai/stories?limit=1','/api/admin/v1/lao-cai/changes?limit=1']:
    print(path)
    for rnd in range(2):
        measure('super-admin Basic (no membership read)', ADMIN, path)
        measure('editor Basic (membership read)', ED, path)
        measure('editor Bearer token (token + membership)', TOK, path)
