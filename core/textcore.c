/*
 * textcore.c — the inner loops of rules/lib/text.lua in C: repairing
 * UTF-8, full-width to ASCII, splitting sentences, and reading the numbers
 * of Chinese text (二十三件, 3,119条, 百分之十二, 1.5万元).  Rules call them
 * through require("text"), whose comments say what each returns; this
 * file follows that Lua text step by step, including Lua's number types
 * (an integer where the value is whole, a float otherwise), so a rule
 * sees the same values either way.  Every loop is bounded by the length
 * of its input.
 */
#include "textcore.h"
#include "luaview.h"
#include "norm.h"
#include "util.h"

#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 as Lua's utf8 library reads it (strict) ---- */

/* Decode the character at s[i] (n bytes in all): its code point, and its
 * length in *len; -1 when the bytes there are not UTF-8 as utf8.len
 * accepts it. */
static long decode_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
	static const unsigned long limits[] = { ~0UL, 0x80, 0x800, 0x10000UL,
						0x200000UL, 0x4000000UL };
	unsigned int c = s[i];
	unsigned long res = 0;
	if (c < 0x80) {
		*len = 1;
		return (long)c;
	}
	int count = 0;
	for (; c & 0x40; c <<= 1) {
		if (i + (size_t)count + 1 >= n)
			return -1;
		unsigned int cc = s[i + (size_t)++count];
		if ((cc & 0xC0) != 0x80)
			return -1;
		res = (res << 6) | (cc & 0x3F);
	}
	res |= (unsigned long)(c & 0x7F) << (count * 5);
	if (count > 5 || res > 0x7FFFFFFFUL || res < limits[count])
		return -1;
	if (res > 0x10FFFFUL || (res >= 0xD800 && res <= 0xDFFF))
		return -1;
	*len = (size_t)count + 1;
	return (long)res;
}

/* The string at idx (nil is ""), with every byte that is not valid UTF-8
 * replaced by U+FFFD, as text.lua's valid() does.  A repaired copy is
 * pushed (memory counted by the sandbox); *s and *n describe the text. */
static void arg_text(lua_State *L, int idx, const char **s, size_t *n)
{
	if (lua_isnoneornil(L, idx)) {
		*s = "";
		*n = 0;
		return;
	}
	*s = luaL_checklstring(L, idx, n);
	size_t i = 0, len;
	while (i < *n && decode_at((const unsigned char *)*s, *n, i, &len) >= 0)
		i += len;
	if (i == *n)
		return;
	luaL_Buffer b;
	luaL_buffinit(L, &b);
	for (i = 0; i < *n;) {
		if (decode_at((const unsigned char *)*s, *n, i, &len) >= 0) {
			luaL_addlstring(&b, *s + i, len);
			i += len;
		} else {
			luaL_addstring(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	luaL_pushresult(&b);
	*s = lua_tolstring(L, -1, n);
}

/* The reader's normalisation (norm.c), so rules see the text as the
 * reader saw it: full-width forms to ASCII, wide spaces to a space, one
 * form of quote and of dash. */
static long norm_cp(long c)
{
	return c < 0 ? c : (long)gj_norm_cp((unsigned)c);
}

static int is_space(long c)
{
	return c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* The characters of valid UTF-8 text: cps[k] normalised, at[k] the byte
 * offset (0-based) of character k, at[n] the length; 0-based k.  For
 * a long text the arrays live in a userdata left on the stack, so the
 * sandbox counts them and they go with the call. */
typedef struct {
	int32_t *cps;
	uint32_t *at;
	size_t n;
} chars;

/* Texts up to SMALL_TEXT bytes (sentences, mostly) are decoded into the
 * caller's small_chars on the stack; longer ones into a userdata. */
#define SMALL_TEXT 1024
typedef struct {
	int32_t cps[SMALL_TEXT + 1];
	uint32_t at[SMALL_TEXT + 1];
} small_chars;

/* Returns 0 when s had bytes that are not UTF-8 (each read as U+FFFD). */
static int decode_all(lua_State *L, const char *s, size_t len, chars *c, small_chars *small)
{
	if (len >= UINT32_MAX)
		luaL_error(L, "text too long");
	char *mem;
	if (len <= SMALL_TEXT) {
		c->cps = small->cps;
		c->at = small->at;
	} else {
		mem = lua_newuserdatauv(L, (len + 1) * (sizeof *c->cps + sizeof *c->at), 0);
		c->cps = (int32_t *)(void *)mem;
		c->at = (uint32_t *)(void *)(mem + (len + 1) * sizeof *c->cps);
	}
	c->n = 0;
	size_t i = 0, l;
	int valid = 1;
	while (i < len) {
		long ch = decode_at((const unsigned char *)s, len, i, &l);
		if (ch < 0) {
			ch = 0xFFFD;
			l = 1;
			valid = 0;
		}
		c->cps[c->n] = (int32_t)norm_cp(ch);
		c->at[c->n++] = (uint32_t)i;
		i += l;
	}
	c->at[c->n] = (uint32_t)len;
	return valid;
}

/* The text at idx (nil is "") decoded into c, as arg_text leaves it: in
 * one pass when it is valid UTF-8; else its repaired copy is pushed and
 * decoded (offsets are the copy's, as the Lua text computed them). */
static void decode_text(lua_State *L, int idx, const char **s, size_t *n, chars *c,
			small_chars *small)
{
	if (lua_isnoneornil(L, idx)) {
		*s = "";
		*n = 0;
	} else {
		*s = luaL_checklstring(L, idx, n);
	}
	if (decode_all(L, *s, *n, c, small))
		return;
	if (*n > SMALL_TEXT)
		lua_pop(L, 1);          /* decode_all's userdata */
	arg_text(L, idx, s, n);
	decode_all(L, *s, *n, c, small);
}

/* the code point at k, or -1 past either end (Lua's nil) */
static long cp(const chars *c, long k)
{
	return k >= 0 && (size_t)k < c->n ? c->cps[k] : -1;
}

/* ---- text.normalize ---- */

static int t_normalize(lua_State *L)
{
	const char *s;
	size_t n;
	arg_text(L, 1, &s, &n);
	int plain = 1;   /* ASCII alone: nothing to do */
	for (size_t i = 0; i < n && plain; i++)
		plain = (unsigned char)s[i] < 0x80;
	if (plain) {
		lua_pushlstring(L, s, n);
		return 1;
	}
	luaL_Buffer b;
	char *o = luaL_buffinitsize(L, &b, n);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned c;
		int len = gj_utf8_decode((const unsigned char *)s + i, n - i, &c);
		if (len <= 0) {   /* arg_text gives valid UTF-8; never taken */
			o[k++] = s[i++];
			continue;
		}
		/* one code point for one, never longer: o has room */
		k += (size_t)gj_utf8_encode(gj_norm_cp(c), o + k);
		i += (size_t)len;
	}
	luaL_pushresultsize(&b, k);
	return 1;
}

/* ---- text.sentences ---- */

static int is_end(long c)
{
	return c == 0x3002 || c == 0xFF61 || c == 0x21 || c == 0x3F || c == 0x3B ||
	       c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029;
}

static int is_closer(long c)
{
	return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0x29 ||
	       c == 0x300B || c == 0x3011;
}

static void add_sentence(lua_State *L, const char *s, const chars *c, long a, long b, int *count)
{
	while (a <= b && is_space(c->cps[a]))
		a++;
	while (b >= a && is_space(c->cps[b]))
		b--;
	if (a > b)
		return;
	lua_createtable(L, 0, 2);
	lua_pushlstring(L, s + c->at[a], c->at[b + 1] - c->at[a]);
	lua_setfield(L, -2, "text");
	lua_pushinteger(L, (lua_Integer)c->at[a] + 1);
	lua_setfield(L, -2, "pos");
	gj_luaview_freeze_shallow(L);
	lua_rawseti(L, -2, ++*count);
}

/* Sentences are asked for again and again (each narrative rule splits
 * every part), so the lists are kept, read-only, for the texts last seen:
 * upvalue 1 is a table text -> list, emptied when it holds
 * SENTENCE_CACHE texts (upvalue 2 counts them). */
#define SENTENCE_CACHE 64

static int t_sentences(lua_State *L)
{
	lua_settop(L, 1);
	if (lua_type(L, 1) == LUA_TSTRING) {
		lua_pushvalue(L, 1);
		if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TTABLE)
			return 1;
		lua_pop(L, 1);
	}
	const char *s;
	size_t n;
	chars c;
	small_chars small;
	decode_text(L, 1, &s, &n, &c, &small);
	lua_newtable(L);
	int count = 0;
	long begin = 0, k = 0, last = (long)c.n;
	while (k < last) {
		if (is_end(c.cps[k])) {
			add_sentence(L, s, &c, begin, k - 1, &count);
			k++;
			while (k < last && is_closer(c.cps[k]))
				k++;
			begin = k;
		} else {
			k++;
		}
	}
	add_sentence(L, s, &c, begin, last - 1, &count);
	gj_luaview_freeze_shallow(L);          /* the entries are frozen already */
	if (lua_type(L, 1) == LUA_TSTRING) {
		/* how many texts the cache holds */
		lua_Integer held = lua_tointeger(L, lua_upvalueindex(2));
		if (held >= SENTENCE_CACHE) {
			lua_newtable(L);
			lua_replace(L, lua_upvalueindex(1));
			held = 0;
		}
		lua_pushinteger(L, held + 1);
		lua_replace(L, lua_upvalueindex(2));
		lua_pushvalue(L, 1);
		lua_pushvalue(L, -2);
		lua_rawset(L, lua_upvalueindex(1));
	}
	return 1;
}

/* ---- numbers: Lua's integer and float, as the Lua text computed them ---- */

typedef struct {
	int ok;         /* 0: nil */
	int isf;        /* a float */
	int64_t i;
	double f;
} num;

static num nil_num(void)
{
	num v = { 0, 0, 0, 0 };
	return v;
}

static num int_num(int64_t i)
{
	num v = { 1, 0, i, 0 };
	return v;
}

static num flt_num(double f)
{
	num v = { 1, 1, 0, f };
	return v;
}

static double as_f(num a)
{
	return a.isf ? a.f : (double)a.i;
}

static num add(num a, num b)
{
	if (!a.isf && !b.isf)
		return int_num((int64_t)((uint64_t)a.i + (uint64_t)b.i));
	return flt_num(as_f(a) + as_f(b));
}

static num mul(num a, num b)
{
	if (!a.isf && !b.isf)
		return int_num((int64_t)((uint64_t)a.i * (uint64_t)b.i));
	return flt_num(as_f(a) * as_f(b));
}

/* a × b, as a float when integers would overflow */
static num times(num a, num b)
{
	if (!a.isf && !b.isf && b.i != 0 && a.i >= INT64_MAX / b.i)
		return flt_num((double)a.i * (double)b.i);
	return mul(a, b);
}

static int lt(num a, num b)
{
	if (!a.isf && !b.isf)
		return a.i < b.i;
	return as_f(a) < as_f(b);
}

static int is_zero(num a)
{
	return a.isf ? a.f == 0 : a.i == 0;
}

/* tonumber(digits): an integer when it fits, else a float */
static num from_digits(const char *d)
{
	int64_t a = 0;
	int fits = 1, dot = 0;
	for (const char *p = d; *p; p++) {
		if (*p == '.') {
			dot = 1;
			break;
		}
		int x = *p - '0';
		if (a > INT64_MAX / 10 || (a == INT64_MAX / 10 && x > (int)(INT64_MAX % 10)))
			fits = 0;
		if (fits)
			a = a * 10 + x;
	}
	if (fits && !dot && *d)
		return int_num(a);
	return flt_num(strtod(d, NULL));
}

/* math.tointeger(v) or v */
static num tointeger(num v)
{
	if (v.isf && floor(v.f) == v.f && v.f >= -9223372036854775808.0 &&
	    v.f < 9223372036854775808.0)
		return int_num((int64_t)v.f);
	return v;
}

static void push_num(lua_State *L, num v)
{
	if (v.isf)
		lua_pushnumber(L, v.f);
	else
		lua_pushinteger(L, v.i);
}

/* ---- numeral tokens ---- */

enum { K_DIGIT, K_ZERO, K_ARABIC, K_SMALL, K_BIG, K_POINT };
#define MAX_TOKENS 24

typedef struct {
	int kind;
	num value;
	long last;      /* index of its last character */
} token;

static int digit_of(long c)
{
	switch (c) {
	case 0x4E00: case 0x58F9: return 1;                         /* 一 壹 */
	case 0x4E8C: case 0x4E24: case 0x5169: case 0x8D30: case 0x8CB3:
		return 2;                                           /* 二 两 兩 贰 貳 */
	case 0x4E09: case 0x53C1: case 0x53C3: return 3;            /* 三 叁 參 */
	case 0x56DB: case 0x8086: return 4;                         /* 四 肆 */
	case 0x4E94: case 0x4F0D: return 5;                         /* 五 伍 */
	case 0x516D: case 0x9646: case 0x9678: return 6;            /* 六 陆 陸 */
	case 0x4E03: case 0x67D2: return 7;                         /* 七 柒 */
	case 0x516B: case 0x634C: return 8;                         /* 八 捌 */
	case 0x4E5D: case 0x7396: return 9;                         /* 九 玖 */
	}
	return 0;
}

static int is_zero_char(long c)
{
	return c == 0x96F6 || c == 0x3007;                          /* 零 〇 */
}

static int small_of(long c)
{
	switch (c) {
	case 0x5341: case 0x62FE: return 10;                        /* 十 拾 */
	case 0x767E: case 0x4F70: return 100;                       /* 百 佰 */
	case 0x5343: case 0x4EDF: return 1000;                      /* 千 仟 */
	}
	return 0;
}

static int64_t big_of(long c)
{
	if (c == 0x4E07 || c == 0x842C)                             /* 万 萬 */
		return 10000;
	if (c == 0x4EBF || c == 0x5104)                             /* 亿 億 */
		return 100000000;
	return 0;
}

static int is_ascii_digit(long c)
{
	return c >= 0x30 && c <= 0x39;
}

static int starts(long c)
{
	return is_ascii_digit(c) || digit_of(c) || is_zero_char(c) ||
	       c == 0x5341 || c == 0x62FE || c == 0x767E;           /* 十 拾 百 */
}

/* An Arabic number at i (not past j): digits, ",ddd" groups, decimals. */
static num read_arabic(const chars *c, long i, long j, long *last)
{
	char buf[96];
	size_t nd = 0;
	char *digits = buf;
	size_t cap = sizeof buf;
	long k = i;
#define PUT(ch) do { \
		if (nd + 1 >= cap) { \
			char *g = malloc(cap * 2); \
			if (!g) break; \
			memcpy(g, digits, nd); \
			if (digits != buf) free(digits); \
			digits = g; cap *= 2; \
		} \
		digits[nd++] = (char)(ch); \
	} while (0)
	while (k <= j && is_ascii_digit(cp(c, k))) {
		PUT(cp(c, k));
		k++;
	}
	if (nd <= 3) {
		while (k + 3 <= j && cp(c, k) == 0x2C && is_ascii_digit(cp(c, k + 1)) &&
		       is_ascii_digit(cp(c, k + 2)) && is_ascii_digit(cp(c, k + 3)) &&
		       !is_ascii_digit(cp(c, k + 4))) {
			for (long d = k + 1; d <= k + 3; d++)
				PUT(cp(c, d));
			k += 4;
		}
	}
	if (k + 1 <= j && cp(c, k) == 0x2E && is_ascii_digit(cp(c, k + 1))) {
		PUT('.');
		k++;
		while (k <= j && is_ascii_digit(cp(c, k))) {
			PUT(cp(c, k));
			k++;
		}
	}
#undef PUT
	digits[nd] = '\0';
	num v = from_digits(digits);
	if (digits != buf)
		free(digits);
	*last = k - 1;
	return v;
}

/* Cut c[i..j] into numeral tokens; returns how many, *next the index
 * after the last one read. */
static int tokenize(const chars *c, long i, long j, token *t, long *next)
{
	int nt = 0;
	long k = i;
	while (k <= j && nt < MAX_TOKENS) {
		long ch = cp(c, k);
		token tok;
		if (is_ascii_digit(ch)) {
			tok.kind = K_ARABIC;
			tok.value = read_arabic(c, k, j, &tok.last);
		} else if (digit_of(ch)) {
			tok.kind = K_DIGIT;
			tok.value = int_num(digit_of(ch));
			tok.last = k;
		} else if (is_zero_char(ch)) {
			tok.kind = K_ZERO;
			tok.value = int_num(0);
			tok.last = k;
		} else if (small_of(ch)) {
			tok.kind = K_SMALL;
			tok.value = int_num(small_of(ch));
			tok.last = k;
		} else if (big_of(ch)) {
			tok.kind = K_BIG;
			tok.value = int_num(big_of(ch));
			tok.last = k;
		} else if (ch == 0x70B9 && nt > 0 && k < j &&               /* 点 */
			   (digit_of(cp(c, k + 1)) || is_zero_char(cp(c, k + 1)))) {
			tok.kind = K_POINT;
			tok.value = int_num(0);
			tok.last = k;
		} else {
			break;
		}
		t[nt++] = tok;
		k = tok.last + 1;
	}
	*next = k;
	return nt;
}

/* below 万: 二十三, 一百零五, 十五, 一百五 (= 150), 3千; tokens a..b */
static num below_wan(const token *t, int a, int b)
{
	if (a > b)
		return nil_num();
	num total = int_num(0);
	int64_t last_unit = INT64_MAX;
	const token *pending = NULL;
	int after_zero = 0, had_unit = 0;
	for (int k = a; k <= b; k++) {
		const token *tok = &t[k];
		if (tok->kind == K_DIGIT || tok->kind == K_ARABIC) {
			if (pending)
				return nil_num();
			pending = tok;
		} else if (tok->kind == K_ZERO) {
			if (pending || !had_unit)
				return nil_num();
			after_zero = 1;
		} else if (tok->kind == K_SMALL) {
			if (tok->value.i >= last_unit)
				return nil_num();
			num n = int_num(1);
			if (pending)
				n = pending->value;
			else if (tok->value.i != 10)
				return nil_num();
			total = add(total, times(n, tok->value));
			last_unit = tok->value.i;
			pending = NULL;
			after_zero = 0;
			had_unit = 1;
		} else {
			return nil_num();
		}
	}
	if (after_zero && !pending)
		return nil_num();
	if (pending) {
		if (had_unit && !after_zero && last_unit >= 100 && pending->kind == K_DIGIT)
			total = add(total, mul(pending->value, int_num(last_unit / 10)));
		else
			total = add(total, pending->value);
	}
	return total;
}

typedef num (*reader)(const token *t, int a, int b);

static num with_unit(const token *t, int a, int b, int64_t unit, reader left_reader,
		     reader right_reader)
{
	int k = -1;
	for (int x = a; x <= b; x++)
		if (t[x].kind == K_BIG && t[x].value.i == unit) {
			k = x;
			break;
		}
	if (k < 0)
		return right_reader(t, a, b);
	num left = left_reader(t, a, k - 1);
	if (!left.ok || is_zero(left))
		return nil_num();
	num right = int_num(0);
	if (k < b) {
		int r = k + 1;
		if (r == b && t[r].kind == K_DIGIT) {
			right = mul(t[r].value, int_num(unit / 10));
		} else {
			while (r <= b && t[r].kind == K_ZERO)
				r++;
			right = right_reader(t, r, b);
			if (!right.ok || !lt(right, int_num(unit)))
				return nil_num();
		}
	}
	return add(times(left, int_num(unit)), right);
}

static num below_yi(const token *t, int a, int b)
{
	return with_unit(t, a, b, 10000, below_wan, below_wan);
}

static num any_size(const token *t, int a, int b)
{
	return with_unit(t, a, b, 100000000, below_yi, below_yi);
}

/* Only digit characters, read place by place into out (二〇二三 -> "2023");
 * 0 when another token is there. */
static int digit_string(const token *t, int a, int b, char *out, size_t cap)
{
	size_t o = 0;
	for (int k = a; k <= b; k++) {
		if (t[k].kind != K_DIGIT && t[k].kind != K_ZERO)
			return 0;
		if (o + 1 < cap)
			out[o++] = (char)('0' + t[k].value.i);
	}
	out[o] = '\0';
	return 1;
}

static num value_of(const token *t, int a, int b)
{
	if (a > b)
		return nil_num();
	num v = nil_num();
	int point = -1;
	for (int k = a; k <= b; k++)
		if (t[k].kind == K_POINT) {
			point = k;
			break;
		}
	char ds[MAX_TOKENS + 1];
	if (point >= 0) {
		/* 三点五 = 3.5; 三点五万 = 35000 */
		num scale = int_num(1);
		if (t[b].kind == K_BIG) {
			scale = t[b].value;
			b--;
		}
		num whole = value_of(t, a, point - 1);
		if (whole.ok && !whole.isf && digit_string(t, point + 1, b, ds, sizeof ds) &&
		    ds[0]) {
			char text[64 + MAX_TOKENS];
			snprintf(text, sizeof text, "%lld.%s", (long long)whole.i, ds);
			v = mul(flt_num(strtod(text, NULL)), scale);
		}
	} else if (digit_string(t, a, b, ds, sizeof ds)) {
		v = from_digits(ds);
	} else {
		v = any_size(t, a, b);
	}
	if (!v.ok)
		return v;
	return tointeger(v);
}

/* ---- text.cn_number ---- */

static int t_cn_number(lua_State *L)
{
	const char *s;
	size_t n;
	chars c;
	small_chars small;
	decode_text(L, 1, &s, &n, &c, &small);
	long i = 0, j = (long)c.n - 1;
	while (i <= j && is_space(c.cps[i]))
		i++;
	while (j >= i && is_space(c.cps[j]))
		j--;
	token t[MAX_TOKENS];
	long next = 0;
	int nt = i <= j ? tokenize(&c, i, j, t, &next) : 0;
	num v = i > j || next <= j ? nil_num() : value_of(t, 0, nt - 1);
	if (v.ok)
		push_num(L, v);
	else
		lua_pushnil(L);
	return 1;
}

/* ---- text.numbers ---- */

/* The unit at c[k]: the longest of set (a table of normalised units) that
 * starts there, at most longest characters.  Pushes it and returns the
 * index of its last character, or returns -1 and pushes nothing. */
static long unit_at(lua_State *L, const chars *c, long k, int set, long longest)
{
	long n = (long)c->n;
	long most = longest < n - k ? longest : n - k;
	for (long len = most; len >= 1; len--) {
		luaL_Buffer b;
		luaL_buffinit(L, &b);
		for (long x = k; x < k + len; x++) {
			long ch = c->cps[x];
			char u[8];
			int ul;
			if (ch < 0x80) {
				u[0] = (char)ch;
				ul = 1;
			} else if (ch < 0x800) {
				u[0] = (char)(0xC0 | (ch >> 6));
				u[1] = (char)(0x80 | (ch & 0x3F));
				ul = 2;
			} else if (ch < 0x10000) {
				u[0] = (char)(0xE0 | (ch >> 12));
				u[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
				u[2] = (char)(0x80 | (ch & 0x3F));
				ul = 3;
			} else {
				u[0] = (char)(0xF0 | (ch >> 18));
				u[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
				u[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
				u[3] = (char)(0x80 | (ch & 0x3F));
				ul = 4;
			}
			luaL_addlstring(&b, u, (size_t)ul);
		}
		luaL_pushresult(&b);                       /* stack: …, unit */
		lua_pushvalue(L, -1);
		if (lua_gettable(L, set) != LUA_TNIL && lua_toboolean(L, -1)) {
			lua_pop(L, 1);
			return k + len - 1;
		}
		lua_pop(L, 2);
	}
	return -1;
}

static long utf8_chars(const char *s, size_t n)
{
	long count = 0;
	size_t i = 0, l;
	while (i < n) {
		if (decode_at((const unsigned char *)s, n, i, &l) < 0)
			return (long)n;
		i += l;
		count++;
	}
	return count;
}

/* The number that begins at c[i]: pushes its entry and returns 1, or
 * returns 0 (no number here) or -1 (one text.numbers leaves out);
 * *next is where to go on. */
static int number_at(lua_State *L, const char *s, const chars *c, long i, int set,
		     long longest, long *next)
{
	long n = (long)c->n;
	long start = i, first = i;
	int percent = cp(c, i) == 0x767E;                          /* 百分之 */
	if (percent) {
		if (cp(c, i + 1) != 0x5206 || cp(c, i + 2) != 0x4E4B || !starts(cp(c, i + 3)) ||
		    cp(c, i + 3) == 0x767E) {
			*next = i + 1;
			return 0;
		}
		first = i + 3;
	}
	token t[MAX_TOKENS];
	long after;
	int count = tokenize(c, first, n - 1, t, &after);
	num value = nil_num();
	while (count > 0) {
		value = value_of(t, 0, count - 1);
		if (value.ok)
			break;
		count--;
	}
	if (!value.ok) {
		*next = i + 1;
		return 0;
	}
	long last = t[count - 1].last;
	/* 3万元: prefer a unit that begins with the number's last character */
	if (count > 1 && t[count - 1].kind == K_BIG) {
		long ue = unit_at(L, c, last, set, longest);
		if (ue >= 0) {
			size_t ulen;
			const char *u = lua_tolstring(L, -1, &ulen);
			num shorter = utf8_chars(u, ulen) > 1 ? value_of(t, 0, count - 2) : nil_num();
			lua_pop(L, 1);
			if (shorter.ok) {
				count--;
				value = shorter;
				last = t[count - 1].last;
			}
		}
	}
	long k = last + 1;
	while (k < n && c->cps[k] == 0x20)
		k++;
	int approx = 0;
	if (cp(c, k) == 0x4F59 || cp(c, k) == 0x591A) {            /* 余 多 */
		k++;
		approx = 1;
	}
	long unit_end = -1;
	int has_unit = 0;
	if (percent) {
		lua_pushliteral(L, "%");
		unit_end = last;
		has_unit = 1;
	} else if (k < n) {
		unit_end = unit_at(L, c, k, set, longest);
		has_unit = unit_end >= 0;
	}
	long stop = has_unit ? unit_end : last;
	if (!has_unit) {
		int chinese = 1;
		for (int x = 0; x < count; x++)
			if (t[x].kind == K_ARABIC)
				chinese = 0;
		if (chinese && (last == first || cp(c, last + 1) == 0x3001 ||      /* 、 */
				(cp(c, start - 1) == 0x28 && cp(c, last + 1) == 0x29))) {
			*next = stop + 1;
			return -1;
		}
	}
	/* stack: …, unit (when there is one) */
	lua_createtable(L, 0, 6);
	if (has_unit) {
		lua_insert(L, -2);
		lua_setfield(L, -2, "unit");
	}
	push_num(L, value);
	lua_setfield(L, -2, "value");
	lua_pushlstring(L, s + c->at[start], c->at[stop + 1] - c->at[start]);
	lua_setfield(L, -2, "text");
	lua_pushinteger(L, (lua_Integer)c->at[start] + 1);
	lua_setfield(L, -2, "pos");
	if (cp(c, start - 1) == 0x7B2C) {                          /* 第 */
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "ordinal");
	}
	if (has_unit && approx) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "approx");
	}
	*next = stop + 1;
	return 1;
}

/* numbers(s, set, longest): set is { [normalised unit] = true }; a unit
 * longer than MAX_UNIT characters is never matched (the search is
 * quadratic in it and runs outside the instruction budget) */
#define MAX_UNIT 32
static int t_numbers(lua_State *L)
{
	luaL_checktype(L, 2, LUA_TTABLE);
	lua_Integer longest = luaL_checkinteger(L, 3);
	if (longest > MAX_UNIT)
		longest = MAX_UNIT;
	const char *s;
	size_t n;
	lua_settop(L, 3);
	chars c;
	small_chars small;
	decode_text(L, 1, &s, &n, &c, &small);
	lua_newtable(L);
	int found = 0;
	long i = 0;
	while (i < (long)c.n) {
		if (!starts(c.cps[i])) {
			i++;
			continue;
		}
		luaL_checkstack(L, 8, "reading numbers");
		long next;
		if (number_at(L, s, &c, i, 2, (long)longest, &next) == 1)
			lua_rawseti(L, -2, ++found);
		i = next;
	}
	return 1;
}

/* ---- text.similarity (and gouji diff) ---- */

/* Punctuation and white space beyond ASCII that the measure drops, as in
 * text.lua's PUNCT_RANGES (〇 U+3007 is a numeral and stays). */
static const unsigned punct_ranges[][2] = {
	{ 0xA0, 0xBF }, { 0x1680, 0x1680 }, { 0x2000, 0x205F },
	{ 0x3000, 0x3003 }, { 0x3008, 0x3011 }, { 0x3014, 0x301F },
	{ 0x3030, 0x3030 }, { 0x303D, 0x303D }, { 0x30FB, 0x30FB },
	{ 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B }, { 0xFEFF, 0xFEFF },
	{ 0xFF01, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 },
	{ 0xFF5B, 0xFF65 },
};

/* 1 when the similarity measure leaves cp (already normalised) out:
 * ASCII white space and punctuation (Lua's %s and %p), or a range above. */
static int dropped(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 0x09 && cp <= 0x0D) || cp == ' ' ||
		       (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
		       (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
	for (size_t i = 0; i < sizeof punct_ranges / sizeof punct_ranges[0]; i++)
		if (cp >= punct_ranges[i][0] && cp <= punct_ranges[i][1])
			return 1;
	return 0;
}

/* The characters the measure compares: the first GJ_SIMILARITY_LIMIT code
 * points (a byte that is not UTF-8 read as U+FFFD, as text.lua does),
 * full-width ASCII as ASCII, the ideographic space as a space, then white
 * space and punctuation dropped.  Returns how many; *out is allocated. */
static size_t compared_chars(const char *s, size_t len, unsigned **out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cap = len < GJ_SIMILARITY_LIMIT ? len : GJ_SIMILARITY_LIMIT;
	unsigned *cps = gj_xmalloc((cap + 1) * sizeof *cps);
	size_t n = 0, seen = 0;
	for (size_t i = 0; i < len && seen < GJ_SIMILARITY_LIMIT; seen++) {
		unsigned cp;
		int k = gj_utf8_decode(p + i, len - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		i += (size_t)k;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		if (!dropped(cp))
			cps[n++] = cp;
	}
	*out = cps;
	return n;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The bigrams of cps[0..n) as sorted keys (two code points in one number,
 * as text.lua makes them: first * 0x200000 + second). */
static uint64_t *bigrams(const unsigned *cps, size_t n)
{
	uint64_t *k = gj_xmalloc((n ? n : 1) * sizeof *k);
	for (size_t i = 1; i < n; i++)
		k[i - 1] = (uint64_t)cps[i - 1] * 0x200000u + cps[i];
	if (n > 2)
		qsort(k, n - 1, sizeof *k, cmp_u64);
	return k;
}

double gj_text_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned *ca, *cb;
	size_t la = compared_chars(a ? a : "", a ? alen : 0, &ca);
	size_t lb = compared_chars(b ? b : "", b ? blen : 0, &cb);
	size_t na = la ? la - 1 : 0, nb = lb ? lb - 1 : 0;
	double score = 0.0;
	if (na == 0 || nb == 0) {
		/* at most one character on a side: no pairs to compare; two
		 * equal single characters are the same text */
		if (na == 0 && nb == 0 && la == 1 && lb == 1 && ca[0] == cb[0])
			score = 1.0;
	} else {
		uint64_t *ka = bigrams(ca, la), *kb = bigrams(cb, lb);
		/* shared pairs: the smaller count of each pair, by a merge */
		size_t i = 0, j = 0, shared = 0;
		while (i < na && j < nb) {
			if (ka[i] < kb[j])
				i++;
			else if (ka[i] > kb[j])
				j++;
			else {
				shared++;
				i++;
				j++;
			}
		}
		score = (double)(2 * shared) / (double)(na + nb);
		free(ka);
		free(kb);
	}
	free(ca);
	free(cb);
	return score;
}

size_t gj_text_count_chars(const char *s, size_t len)
{
	size_t n = 0, i = 0, l;
	while (i < len) {
		long c = decode_at((const unsigned char *)s, len, i, &l);
		if (c < 0) {            /* a byte that is not UTF-8: one U+FFFD */
			c = 0xFFFD;
			l = 1;
		}
		n += !is_space(norm_cp(c));
		i += l;
	}
	return n;
}

/* count_chars(s): nil is "" */
static int t_count_chars(lua_State *L)
{
	size_t len = 0;
	const char *s = lua_isnoneornil(L, 1) ? "" : luaL_checklstring(L, 1, &len);
	lua_pushinteger(L, (lua_Integer)gj_text_count_chars(s, len));
	return 1;
}

/* similarity(a, b): nil is "" */
static int t_similarity(lua_State *L)
{
	size_t la = 0, lb = 0;
	const char *a = lua_isnoneornil(L, 1) ? "" : luaL_checklstring(L, 1, &la);
	const char *b = lua_isnoneornil(L, 2) ? "" : luaL_checklstring(L, 2, &lb);
	lua_pushnumber(L, gj_text_similarity(a, la, b, lb));
	return 1;
}

/* Searching a text for many words is one long C call, which no hook can
 * stop: a text of n bytes and len words is refused past this many bytes
 * looked at (some tenths of a second). */
#define MAX_WORD_SCAN 2e9

static void check_scan(lua_State *L, const char *fn, size_t n, lua_Integer len)
{
	if ((double)(n + 1) * (double)len > MAX_WORD_SCAN)
		luaL_error(L, "text.%s: %d words over a %d-byte text: too costly", fn, (int)len,
			   (int)n);
}

/* has_any(s, words): s contains one of the strings words[1], words[2], …
 * (up to the first nil, and never past the table's real length: an
 * __index that never answers nil cannot keep the loop going) */
static int t_has_any(lua_State *L)
{
	size_t n = 0;
	const char *s = lua_isnoneornil(L, 1) ? "" : luaL_checklstring(L, 1, &n);
	luaL_checktype(L, 2, LUA_TTABLE);
	lua_Integer len = (lua_Integer)gj_luaview_len(L, 2);
	check_scan(L, "has_any", n, len);
	for (lua_Integer i = 1; i <= len; i++) {
		int t = lua_geti(L, 2, i);
		if (t == LUA_TNIL) {
			lua_pop(L, 1);
			break;
		}
		if (t != LUA_TSTRING)
			return luaL_error(L, "text.has_any: word %d is a %s, not a string", (int)i,
					  lua_typename(L, t));
		size_t wn;
		const char *w = lua_tolstring(L, -1, &wn);
		int yes = gj_contains(s, n, w, wn);
		lua_pop(L, 1);
		if (yes) {
			lua_pushboolean(L, 1);
			return 1;
		}
	}
	lua_pushboolean(L, 0);
	return 1;
}

/* strip_words(s, words, at_end): words[1], words[2], … (up to the first
 * nil, within the table's real length, as has_any) taken off the start of
 * s (the end when at_end), pass after pass in the order given, until a
 * pass takes none; empty words are skipped */
static int t_strip_words(lua_State *L)
{
	size_t n = 0;
	const char *s = lua_isnoneornil(L, 1) ? "" : luaL_checklstring(L, 1, &n);
	luaL_checktype(L, 2, LUA_TTABLE);
	int at_end = lua_toboolean(L, 3);
	lua_Integer len = (lua_Integer)gj_luaview_len(L, 2);
	check_scan(L, "strip_words", n, len);
	size_t a = 0, b = n;
	for (int changed = 1; changed;) {
		changed = 0;
		for (lua_Integer i = 1; i <= len; i++) {
			int t = lua_geti(L, 2, i);
			if (t == LUA_TNIL) {
				lua_pop(L, 1);  /* a pass per word taken off: keep the stack level */
				break;
			}
			if (t != LUA_TSTRING)
				return luaL_error(L, "text.strip_words: word %d is a %s, not a string",
						  (int)i, lua_typename(L, t));
			size_t wn;
			const char *w = lua_tolstring(L, -1, &wn);
			if (wn > 0 && wn <= b - a) {
				if (!at_end && memcmp(s + a, w, wn) == 0) {
					a += wn;
					changed = 1;
				} else if (at_end && memcmp(s + b - wn, w, wn) == 0) {
					b -= wn;
					changed = 1;
				}
			}
			lua_pop(L, 1);
		}
	}
	lua_pushlstring(L, s + a, b - a);
	return 1;
}

int gj_textcore_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "normalize", t_normalize },
		{ "cn_number", t_cn_number },
		{ "numbers", t_numbers },
		{ "similarity", t_similarity },
		{ "count_chars", t_count_chars },
		{ "has_any", t_has_any },
		{ "strip_words", t_strip_words },
		{ NULL, NULL }
	};
	luaL_newlib(L, fns);
	lua_newtable(L);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, t_sentences, 2);
	lua_setfield(L, -2, "sentences");
	return 1;
}
